/** A runtime error that Go reports as a panic ("send on closed channel"); the run ends with it. */
export class Panic extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Panic";
  }
}
