// The GET handler of a crm CSV download named by its query string (the dashboard's, the forecast's):
// session and role checked first, then the view's parameters and the dialect, each refused with a 400
// naming the parameter, then one download per user (429 while another runs).
import type { SessionUser } from '@/lib/auth/guards';
import { guardRequest } from '@/lib/auth/guards';
import { translator } from '@/lib/i18n';
import { paramProblem, paramProblemResponse, refusedParamMessage, sentValues, type ParamProblem } from '@/lib/url-params';
import { parseDialect, type CsvDialect } from './dialects';
import { csvResponse, downloadBusyResponse } from './stream';

type Download<P> = {
  parse: (search: URLSearchParams) => { params: P; problems: ParamProblem[] };
  /** The CSV, or null while the user's one download place is taken. */
  open: (
    user: SessionUser,
    params: P,
    dialect: CsvDialect,
  ) => ReadableStream<Uint8Array> | null | Promise<ReadableStream<Uint8Array> | null>;
  /** The file name's start (`crm-tickets` → `crm-tickets-2026-12-06.csv`). */
  fileBase: string;
};

export function crmCsvRoute<P>({ parse, open, fileBase }: Download<P>): (request: Request) => Promise<Response> {
  return async function GET(request: Request) {
    const { user, response } = await guardRequest('crm');
    if (response) return response;
    const search = new URL(request.url).searchParams;
    const t = translator(user.locale);
    const { params, problems } = parse(search);
    const [dialectValue] = sentValues(search, 'dialect');
    const dialect = parseDialect(dialectValue);
    const refuse = (problem: ParamProblem) => paramProblemResponse(problem, refusedParamMessage(problem, t));
    if (problems.length > 0) return refuse(problems[0]);
    if (dialect === null) return refuse(paramProblem('dialect', dialectValue ?? ''));
    const stream = await open(user, params, dialect);
    return stream ? csvResponse(stream, fileBase) : downloadBusyResponse(t('error.downloadBusy'));
  };
}
