// The 404 page of a missing record inside the signed-in frame (its layout draws the one <main>).
import { StatusPage } from '@/components/shell/status-page';

export default function NotFound() {
  return <StatusPage kind="notFound" framed />;
}
