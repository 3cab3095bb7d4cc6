/** A started front end (Discord gateway, Slack receiver, digest scheduler) that can be stopped cleanly. */
export interface Running {
  name: string;
  stop(): Promise<void>;
}
