// The Kontakt picker of a ticket follows the chosen Geschäftspartner: it offers that partner's contacts,
// and another partner's contact only on an explicit search, marked as such (saving it is refused with a
// reason); with and without JavaScript, several choices in a row on one page.
import { expect, test } from '@playwright/test';
import { NewTicketPage } from './pages/ticket-pages';
import { DEMO, e2eDb, signIn, unique } from './support';

type Demo = {
  partnerId: number;
  partnerOption: string;
  ownContacts: string[];
  ownContactId: number;
  other: { id: number; name: string; option: string };
};

/** A demo partner with several contacts, and a contact of another partner. */
function demoPartnerAndStranger(): Demo {
  const db = e2eDb();
  try {
    const partner = db
      .prepare(
        `select p.id, p.name, p.gpid, p.city from partners p
         where p.city <> '' and (select count(*) from contacts c where c.partner_id = p.id) between 2 and 20 order by p.id limit 1`,
      )
      .get() as { id: number; name: string; gpid: number; city: string };
    const own = db
      .prepare(
        `select id, trim(first_name || ' ' || last_name) as name from contacts where partner_id = ? order by last_name, first_name, id`,
      )
      .all(partner.id) as { id: number; name: string }[];
    const other = db
      .prepare(
        `select c.id, c.first_name || ' ' || c.last_name as name, p.name as partner from contacts c join partners p on p.id = c.partner_id
         where c.partner_id <> ? and c.first_name <> '' order by c.id limit 1`,
      )
      .get(partner.id) as { id: number; name: string; partner: string };
    return {
      partnerId: partner.id,
      partnerOption: `${partner.name} (${partner.gpid}, ${partner.city})`,
      ownContacts: own.map((row) => `${row.name} – ${partner.name}`),
      ownContactId: own[0].id,
      other: { id: other.id, name: other.name, option: `${other.name} · anderer Geschäftspartner: ${other.partner}` },
    };
  } finally {
    db.close();
  }
}

for (const javaScript of [true, false]) {
  test(`the Kontakt picker offers the chosen partner's contacts, others only on a search and marked (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    const demo = demoPartnerAndStranger();
    const form = new NewTicketPage(page, { javaScript });
    await form.goto();
    const title = unique('Rückruf');
    await form.fill({ title });
    await form.pickers.choose('Geschäftspartner', demo.partnerOption.split(' (')[0], demo.partnerOption);

    await form.pickers.openEmpty('Kontakt');
    await expect(form.pickers.offered('Kontakt')).toHaveText(demo.ownContacts);

    // Another partner's contact, found by name, carries its partner in the label; the save explains
    // that it does not belong to the chosen partner.
    await form.pickers.choose('Kontakt', demo.other.name, demo.other.option);
    await form.submit();
    await expect(page.getByText('Dieser Kontakt gehört zu einem anderen Geschäftspartner.')).toBeVisible();
    await expect(form.title()).toHaveValue(title);

    // One of the partner's own contacts is saved.
    const own = demo.ownContacts[0];
    await form.pickers.choose('Kontakt', own.split(' – ')[0], own);
    const id = await form.create();
    const db = e2eDb();
    try {
      expect(db.prepare('select partner_id as partnerId, contact_id as contactId from tickets where id = ?').get(id)).toEqual({
        partnerId: demo.partnerId,
        contactId: demo.ownContactId,
      });
    } finally {
      db.close();
    }
    await context.close();
  });
}
