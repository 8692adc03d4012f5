/**
 * How long Leak Lab takes to parse, check and translate a Go file of about 250 lines once the grammar is loaded
 * (the budget: 50 ms), against tree-sitter's parse of the same file measured in the same run. Node
 * only for now; the worker's figure comes when Go runs in the page.
 */
import { nodeGoParser } from "../../cli/go.ts";
import { compileGo } from "../../src/go/program.ts";

const ROUNDS = 21;

/** A service-shaped file: a struct, methods with goroutines, channels, select, defer, maps, fmt. */
export function goBenchSource(): string {
  const parts = [
    "package main",
    "",
    'import (\n\t"fmt"\n\t"sync"\n\t"time"\n)',
    "",
    "type Service struct {\n\tmu    sync.Mutex\n\tseen  map[string]int\n\tdone  chan struct{}\n\twg    sync.WaitGroup\n}",
  ];
  for (let i = 0; parts.join("\n").split("\n").length < 235; i++) {
    parts.push(`
func (s *Service) Handle${i}(id string, n int) (int, error) {
	progress := make(chan int, 4)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for p := range progress {
			s.mu.Lock()
			s.seen[id] += p
			s.mu.Unlock()
		}
	}()
	for i := 0; i < n; i++ {
		select {
		case progress <- i:
		case <-s.done:
			close(progress)
			return 0, fmt.Errorf("handle${i} %s: stopped", id)
		case <-time.After(time.Millisecond):
		}
	}
	close(progress)
	return n, nil
}`);
  }
  parts.push(`
func main() {
	s := &Service{seen: make(map[string]int), done: make(chan struct{})}
	n, err := s.Handle0("a", 3)
	s.wg.Wait()
	fmt.Println(n, err, s.seen["a"])
}`);
  return parts.join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function benchGoCompile(): Promise<{ lines: number; parseMs: number; compileMs: number }> {
  const parser = await nodeGoParser();
  const source = goBenchSource();
  const compiled = compileGo(parser, source);
  if (!compiled.ok) throw new Error(`the bench's Go does not compile: ${compiled.errors[0]?.message}`);
  const parse: number[] = [];
  const compile: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    parser.parse(source)?.delete();
    parse.push(performance.now() - start);
    start = performance.now();
    compileGo(parser, source);
    compile.push(performance.now() - start);
  }
  return { lines: source.split("\n").length, parseMs: median(parse), compileMs: median(compile) };
}
