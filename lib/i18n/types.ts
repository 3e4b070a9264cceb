/** A message module's English half must carry every key of its German half. */
export type Messages<T> = { [K in keyof T]: string };
