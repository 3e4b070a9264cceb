CREATE TABLE `lost_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `tickets_crm_dashboard`;--> statement-breakpoint
ALTER TABLE `tickets` ADD `expected_close` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `lost_reason_id` integer REFERENCES lost_reasons(id);--> statement-breakpoint
CREATE INDEX `tickets_crm_close` ON `tickets` (`expected_close`,`crm_status_id`,`potential_cents`,`probability`) WHERE crm_enabled = 1;--> statement-breakpoint
CREATE INDEX `tickets_crm_dashboard` ON `tickets` (`crm_status_id`,`partner_id`,`contact_id`,`assignee_id`,`expected_users`,`potential_cents`,`probability`,`status`,`expected_close`,`lost_reason_id`) WHERE crm_enabled = 1;--> statement-breakpoint
ALTER TABLE `crm_ticket_statuses` ADD `phase` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `crm_ticket_statuses` ADD `color` text;--> statement-breakpoint
CREATE INDEX `crm_changes_field` ON `crm_changes` (`entity`,`field`,`entity_id`,`at`);--> statement-breakpoint
-- An installation's "Gewonnen" and "Verloren" statuses (the demo's words) take their phases at once.
UPDATE `crm_ticket_statuses` SET `phase` = 'won' WHERE lower(trim(`name`)) IN ('gewonnen', 'won');--> statement-breakpoint
UPDATE `crm_ticket_statuses` SET `phase` = 'lost' WHERE lower(trim(`name`)) IN ('verloren', 'lost');
