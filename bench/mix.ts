// What a virtual user of the mixed load does: the weighted mix of a CRM team's clicks. Every user
// saves only its own tickets, typing into the form the server answered last, so saves do not
// collide; each save writes a potential no earlier save of that ticket wrote, so the lost-save
// check can find it.
import Database from 'better-sqlite3';
import type { Action } from './load';
import { timeRequest } from './measure';
import { openCrmPanelForm, postCrmSave, type CrmPanelForm } from './save';
import type { AcceptedSave } from './saves-kept';

/** A ticket a user saves: its CRM values apart from the typed numbers, posted unchanged. */
type OwnTicket = { id: number; crmStatusId: string; campaigns: string[]; products: string[] };

export type MixFacts = { ticketIds: number[]; partnerIds: number[]; ownTickets: OwnTicket[][] };

/** Pages viewed (CRM tickets, partners) and, per user, the tickets only that user saves. */
export function readMixFacts(file: string, users: number, ticketsPerUser: number): MixFacts {
  const db = new Database(file, { readonly: true });
  const ids = (query: string) => db.prepare(query).pluck().all() as number[];
  const ticketIds = ids('select id from tickets where crm_enabled = 1 and id % 97 = 0 order by id limit 300');
  const partnerIds = ids('select id from partners where id % 17 = 0 order by id limit 300');
  // Far from the tickets the single-client figures save (offset 1000) and from those viewed above.
  const own = ids(`select id from tickets where crm_enabled = 1 and id % 97 != 0 order by id limit ${users * ticketsPerUser} offset 5000`);
  const list = (query: string, id: number) => (db.prepare(query).pluck().all(id) as number[]).map(String);
  const ownTickets = Array.from({ length: users }, (_, user) =>
    own.slice(user * ticketsPerUser, (user + 1) * ticketsPerUser).map((id) => ({
      id,
      crmStatusId: String(db.prepare('select crm_status_id from tickets where id = ?').pluck().get(id) ?? ''),
      campaigns: list('select campaign_id from ticket_campaigns where ticket_id = ? order by campaign_id', id),
      products: list('select product_id from ticket_products where ticket_id = ? order by product_id', id),
    })),
  );
  db.close();
  return { ticketIds, partnerIds, ownTickets };
}

export type MixRoute = { name: string; weight: number; path?: (random: () => number, facts: MixFacts) => string };

/** One of the ids, drawn evenly. */
export const oneOf = (ids: number[], random: () => number) => ids[Math.floor(random() * ids.length)];

/** The saves' share of the mix is named by `SAVE`; the other routes are pages fetched with GET. */
export const SAVE = 'save (CRM panel form post)';

export function createMix(url: string, cookie: string, facts: MixFacts, routes: MixRoute[]) {
  const accepted: AcceptedSave[] = [];
  const forms = new Map<number, CrmPanelForm | null>();
  const saves = facts.ownTickets.map(() => 0);
  const totalWeight = routes.reduce((sum, route) => sum + route.weight, 0);

  const save = async (user: number, random: () => number): Promise<Action> => {
    const count = saves[user]++;
    const own = facts.ownTickets[user];
    const ticket = own[count % own.length];
    // After a failed save the user opens the page again, as a browser user would.
    const started = performance.now();
    const form = forms.get(ticket.id) ?? (await openCrmPanelForm(url, cookie, ticket.id).catch(() => null));
    if (!form) return { route: SAVE, sample: { ms: performance.now() - started, status: 0, bytes: 0 }, failed: true };
    // A potential no earlier save of this ticket wrote: its version only ever grows.
    const potentialCents = (100_000 + form.version) * 100 + 37;
    const answer = await postCrmSave(url, cookie, ticket.id, form, {
      crmStatusId: ticket.crmStatusId,
      probability: String(Math.floor(random() * 101)),
      potential: `${Math.floor(potentialCents / 100)},37`,
      expectedUsers: String(1 + Math.floor(random() * 500)),
      campaigns: ticket.campaigns,
      products: ticket.products,
    });
    forms.set(ticket.id, answer.form);
    if (answer.outcome === 'saved') accepted.push({ ticketId: ticket.id, potentialCents });
    return { route: SAVE, sample: answer.sample, failed: answer.outcome === 'failed', conflict: answer.outcome === 'conflict' };
  };

  return {
    accepted,
    /** Opens every user's own tickets once, so that the first saves post a form like every later one. */
    prepare: async () => {
      for (const ticket of facts.ownTickets.flat()) forms.set(ticket.id, await openCrmPanelForm(url, cookie, ticket.id));
    },
    act: async (user: number, random: () => number): Promise<Action> => {
      let pick = random() * totalWeight;
      const route = routes.find((candidate) => (pick -= candidate.weight) < 0) ?? routes[routes.length - 1];
      if (!route.path) return save(user, random);
      const started = performance.now();
      try {
        return {
          route: route.name,
          sample: await timeRequest(`${url}${route.path(random, facts)}`, { headers: { cookie } }),
          failed: false,
        };
      } catch {
        return { route: route.name, sample: { ms: performance.now() - started, status: 0, bytes: 0 }, failed: true };
      }
    },
  };
}
