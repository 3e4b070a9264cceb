// The 403 page inside the signed-in frame (its layout draws the header and the one <main>).
import { StatusPage } from '@/components/shell/status-page';

export default function Forbidden() {
  return <StatusPage kind="forbidden" framed />;
}
