/**
 * Two small queues the scheduler leans on. `Fifo` is an array with a moving head (amortised O(1) shift, no
 * per-item allocation). `WaitList` is an intrusive doubly linked list so that a `select` can withdraw its
 * waiters from every other channel in O(1) when one case wins.
 */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    // Compact once the dead prefix dominates, so a long-lived queue does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }
}

export interface ListNode {
  prev: ListNode | undefined;
  next: ListNode | undefined;
  /** The list the node is on, or undefined once removed. */
  list: WaitList<ListNode> | undefined;
}

export class WaitList<N extends ListNode> {
  private first: N | undefined;
  private last: N | undefined;
  length = 0;

  push(node: N): void {
    node.prev = this.last;
    node.next = undefined;
    node.list = this as unknown as WaitList<ListNode>;
    if (this.last) this.last.next = node;
    else this.first = node;
    this.last = node;
    this.length++;
  }

  shift(): N | undefined {
    const node = this.first;
    if (node) this.remove(node);
    return node;
  }

  peek(): N | undefined {
    return this.first;
  }

  remove(node: N): void {
    if (node.list !== (this as unknown as WaitList<ListNode>)) return;
    if (node.prev) node.prev.next = node.next;
    else this.first = node.next as N | undefined;
    if (node.next) node.next.prev = node.prev;
    else this.last = node.prev as N | undefined;
    node.prev = undefined;
    node.next = undefined;
    node.list = undefined;
    this.length--;
  }

  *[Symbol.iterator](): IterableIterator<N> {
    for (let node = this.first; node; node = node.next as N | undefined) yield node;
  }
}
