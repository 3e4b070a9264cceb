// The 403 page for signed-in users who lack a page's role, outside the signed-in frame.
import { StatusPage } from '@/components/shell/status-page';

export default function Forbidden() {
  return <StatusPage kind="forbidden" framed={false} />;
}
