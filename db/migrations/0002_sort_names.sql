ALTER TABLE `contacts` ADD `sort_name` text;--> statement-breakpoint
CREATE INDEX `contacts_sort_name` ON `contacts` (`sort_name`,`id`);--> statement-breakpoint
ALTER TABLE `partners` ADD `sort_name` text;--> statement-breakpoint
CREATE INDEX `partners_sort_name` ON `partners` (`sort_name`,`id`);--> statement-breakpoint
ALTER TABLE `users` ADD `sort_name` text;--> statement-breakpoint
CREATE INDEX `users_sort_name` ON `users` (`sort_name`,`id`);