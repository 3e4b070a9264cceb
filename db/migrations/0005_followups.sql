CREATE TABLE `calendar_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_hash_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feeds_user` ON `calendar_feeds` (`user_id`);--> statement-breakpoint
DROP INDEX `tickets_crm_dashboard`;--> statement-breakpoint
ALTER TABLE `tickets` ADD `next_action_at` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `next_action_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `crm_moved_at` integer;--> statement-breakpoint
CREATE INDEX `tickets_crm_followups` ON `tickets` (`assignee_id`,`next_action_at`) WHERE crm_enabled = 1 and next_action_at is not null;--> statement-breakpoint
CREATE INDEX `tickets_crm_dashboard` ON `tickets` (`crm_status_id`,`partner_id`,`contact_id`,`assignee_id`,`expected_users`,`potential_cents`,`probability`,`status`,`expected_close`,`lost_reason_id`,`next_action_at`,`crm_moved_at`,`crm_activated_at`) WHERE crm_enabled = 1;--> statement-breakpoint
ALTER TABLE `crm_ticket_statuses` ADD `stale_after_days` integer;
--> statement-breakpoint
-- Added by hand (drizzle-kit does not write triggers): a ticket's crm_moved_at is the newest Verlauf
-- entry of a field that moves the deal on, the registry's `movesDeal` fields (SPEC section 17: not the
-- comments, not the next action). Every writer of the Verlauf keeps it so, whatever code path it takes;
-- tests/integration/stale-deals.test.ts checks the list against the registry.
CREATE TRIGGER `crm_changes_moves_deal` AFTER INSERT ON `crm_changes`
WHEN NEW.`entity` = 'ticket' AND NEW.`field` IN ('crmStatus', 'probability', 'potential', 'expectedClose', 'products', 'campaigns')
BEGIN
	UPDATE `tickets` SET `crm_moved_at` = NEW.`at`
	WHERE `id` = NEW.`entity_id` AND (`crm_moved_at` IS NULL OR `crm_moved_at` < NEW.`at`);
END;--> statement-breakpoint
-- Added by hand: the tickets of an existing database get theirs from the history they have.
UPDATE `tickets` SET `crm_moved_at` = (
	SELECT max(`at`) FROM `crm_changes`
	WHERE `entity` = 'ticket' AND `entity_id` = `tickets`.`id`
	AND `field` IN ('crmStatus', 'probability', 'potential', 'expectedClose', 'products', 'campaigns')
);
