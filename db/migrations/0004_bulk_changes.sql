CREATE TABLE `bulk_change_tickets` (
	`bulk_change_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`before` text NOT NULL,
	`crm_version` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`bulk_change_id`, `ticket_id`),
	FOREIGN KEY (`bulk_change_id`) REFERENCES `bulk_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bulk_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`change` text NOT NULL,
	`ticket_count` integer NOT NULL,
	`changed_count` integer NOT NULL,
	`undone_at` integer,
	`undone_by_id` integer,
	`undo_report` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bulk_changes_at` ON `bulk_changes` (`at`);--> statement-breakpoint
ALTER TABLE `crm_changes` ADD `bulk_change_id` integer REFERENCES bulk_changes(id);--> statement-breakpoint
ALTER TABLE `crm_changes` ADD `bulk_undo` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `crm_changes_bulk` ON `crm_changes` (`bulk_change_id`);