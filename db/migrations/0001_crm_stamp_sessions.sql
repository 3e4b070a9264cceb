CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_seen_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
ALTER TABLE `partners` ADD `crm_updated_at` integer;--> statement-breakpoint
ALTER TABLE `partners` ADD `crm_updated_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `partners` ADD `crm_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `crm_updated_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `crm_updated_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `tickets` ADD `crm_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Hand-written (carries existing records over): the CRM stamp starts at each record's newest CRM change,
-- and every crm_admin holds crm, as SPEC section 1 says crm_admin includes it.
UPDATE `tickets` SET
	`crm_updated_at` = (SELECT max(`at`) FROM `crm_changes` c WHERE c.`entity` = 'ticket' AND c.`entity_id` = `tickets`.`id`),
	`crm_updated_by_id` = (SELECT c.`user_id` FROM `crm_changes` c WHERE c.`entity` = 'ticket' AND c.`entity_id` = `tickets`.`id` ORDER BY c.`at` DESC, c.`id` DESC LIMIT 1);--> statement-breakpoint
UPDATE `partners` SET
	`crm_updated_at` = (SELECT max(`at`) FROM `crm_changes` c WHERE c.`entity` = 'partner' AND c.`entity_id` = `partners`.`id`),
	`crm_updated_by_id` = (SELECT c.`user_id` FROM `crm_changes` c WHERE c.`entity` = 'partner' AND c.`entity_id` = `partners`.`id` ORDER BY c.`at` DESC, c.`id` DESC LIMIT 1);--> statement-breakpoint
UPDATE `users` SET `roles` = json_insert(`roles`, '$[#]', 'crm'), `session_version` = `session_version` + 1
	WHERE EXISTS (SELECT 1 FROM json_each(`users`.`roles`) WHERE value = 'crm_admin')
	AND NOT EXISTS (SELECT 1 FROM json_each(`users`.`roles`) WHERE value = 'crm');
