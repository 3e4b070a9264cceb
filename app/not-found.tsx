// The 404 page of an unknown URL, outside the signed-in frame.
import { StatusPage } from '@/components/shell/status-page';

export default function NotFound() {
  return <StatusPage kind="notFound" framed={false} />;
}
