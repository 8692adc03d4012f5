/**
 * `npm run go` without a Go toolchain: what Leak Lab's Go refuses, and says so at the line, and the rules of
 * `go run` that hold on virtual time. What real Go does with the same programs is the parity suite's
 * (cli/goParity.test.ts).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { WARM_UP_SOURCE } from "../src/go/warmUp.ts";
import { runGoSource } from "./go.ts";

const program = (body: string, imports = "") => `package main\n\n${imports}\nfunc main() {\n${body}\n}\n`;

describe("npm run go", () => {
  it("refuses Go outside its subset with an error at the line that names what and where to read", async () => {
    const source = `package main\n\ntype Base struct{}\n\ntype Session struct {\n\tBase\n}\n\nfunc main() {}\n`;
    const { exitCode, stderr, stdout } = await runGoSource(source, "session.go");
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "# command-line-arguments\n./session.go:6:2: outside Leak Lab's Go: embedded fields (see docs/go-subset.md)\n",
    );
  });

  it("refuses the address of a loop's variable and of a field that is not a struct, at the &", async () => {
    const source = program(
      "\tc := counter{}\n\tvar ps []*int\n\tfor i := range 3 {\n\t\tps = append(ps, &i)\n\t}\n\tps = append(ps, &c.n)\n\t_ = ps",
      "type counter struct{ n int }\n",
    );
    const { stderr } = await runGoSource(source, "main.go");
    expect(stderr.split("\n").slice(1, -1)).toEqual([
      "./main.go:8:6: outside Leak Lab's Go: the address of a variable declared in a for, if, switch or select header (see docs/go-subset.md)",
      "./main.go:11:18: outside Leak Lab's Go: pointers to struct fields and slice elements that are not structs (see docs/go-subset.md)",
    ]);
  });

  it("lists every compile error in the order of their lines, as go build does", async () => {
    const source = program("\ta := 1\n\tb := undefinedName\n\tfmt.Println()", 'import "fmt"\nimport "os"\n');
    const { stderr } = await runGoSource(source, "main.go");
    expect(stderr.split("\n").slice(1, -1)).toEqual([
      './main.go:4:8: "os" imported and not used',
      "./main.go:7:2: declared and not used: a",
      "./main.go:8:7: undefined: undefinedName",
    ]);
  });

  it("refuses a 64-bit constant past what a number holds exactly, at its line", async () => {
    // Go takes both; Leak Lab would hold a neighbour of each, so it says it cannot.
    const source = program("\tconst big int64 = 1<<53 + 1\n\tfmt.Println(big, ^uint64(0))", 'import "fmt"\n');
    const { exitCode, stderr } = await runGoSource(source, "main.go");
    expect({ exitCode, lines: stderr.split("\n").slice(1, -1) }).toEqual({
      exitCode: 1,
      lines: [
        "./main.go:6:20: outside Leak Lab's Go: the integer constant 1<<53 + 1, past ±2^53, which a number cannot hold exactly (see docs/go-subset.md)",
        "./main.go:7:19: outside Leak Lab's Go: the integer constant ^uint64(0), past ±2^53, which a number cannot hold exactly (see docs/go-subset.md)",
      ],
    });
  });

  it("stops at the tenth error and says so at its position, as Go's compiler does", async () => {
    const body = Array.from({ length: 12 }, (_, i) => `\tv${i} := ${i}`).join("\n");
    const lines = (await runGoSource(program(body), "main.go")).stderr.split("\n");
    expect(lines.slice(10, 12)).toEqual([
      "./main.go:14:2: declared and not used: v9",
      "./main.go:14:2: too many errors",
    ]);
    expect(lines).toHaveLength(13);
  });

  it("a syntax error is reported at its line", async () => {
    const { exitCode, stderr } = await runGoSource(program("\tx := (1 + \n"), "main.go");
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/^# command-line-arguments\n\.\/main\.go:[56]:\d+: syntax error/);
  });

  it("stops, saying why, where a 64-bit result would pass what a number holds exactly", async () => {
    // FNV-1a's 64-bit hash wraps at 2^64 in Go; Leak Lab's integers are exact only within ±2^53.
    const source = program(
      '\th := uint64(14695981039346656037 >> 12)\n\tfor _, c := range []byte("leak") {\n\t\th ^= uint64(c)\n\t\th *= 1099511628211\n\t}\n\tfmt.Println(h)',
      'import "fmt"\n',
    );
    const { exitCode, stdout, stderr } = await runGoSource(source, "main.go");
    expect({ exitCode, stdout }).toEqual({ exitCode: 2, stdout: "" });
    expect(stderr.split("\n")[0]).toBe(
      "fatal error: integer result beyond ±2^53, which Leak Lab's Go cannot hold exactly (Go would wrap it at 64 bits)",
    );
  });

  it("logs through slog's default Logger to standard error, dated by the virtual clock as Go's log dates it", async () => {
    // Real Go prints the wall clock's date here; Leak Lab's clock starts where the Go playground's does.
    const source = program(
      '\tslog.Info("Upload started", "session", "s1", "bytes", 4<<20)\n\tslog.Debug("hidden")\n\ttime.Sleep(90 * time.Second)\n\tslog.Warn("slow", "user", "ada lovelace")\n\tfmt.Println("done")',
      'import (\n\t"fmt"\n\t"log/slog"\n\t"time"\n)\n',
    );
    expect(await runGoSource(source, "main.go")).toEqual({
      stdout: "done\n",
      stderr:
        "2009/11/10 23:00:00 INFO Upload started session=s1 bytes=4194304\n" +
        '2009/11/10 23:01:30 WARN slow user="ada lovelace"\n',
      exitCode: 0,
    });
  });

  it("builds and runs the program the run worker warms its compiler up on", async () => {
    // A warm-up that stopped compiling would warm up nothing and fail nowhere else.
    const { exitCode, stderr } = await runGoSource(WARM_UP_SOURCE, "warmup.go");
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: "" });
  });

  it("sleeps on virtual time: an hour-long program ends at once, its output in order", async () => {
    const source = program(
      '\tgo func() {\n\t\ttime.Sleep(30 * time.Minute)\n\t\tfmt.Println("half")\n\t}()\n\ttime.Sleep(time.Hour)\n\tfmt.Println("done")',
      'import (\n\t"fmt"\n\t"time"\n)\n',
    );
    expect(await runGoSource(source, "main.go")).toEqual({ stdout: "half\ndone\n", stderr: "", exitCode: 0 });
  });

  it("gives Go names that JavaScript reserves their Go meaning", async () => {
    const source = program(
      "\tnew, delete, eval, this := 1, 2, 3, 4\n\tfmt.Println(new+delete+eval+this)",
      'import "fmt"\n',
    );
    expect(await runGoSource(source, "main.go")).toEqual({ stdout: "10\n", stderr: "", exitCode: 0 });
  });

  it("dumps goroutines as Go does: state, minutes blocked, the frame's line, the go statement's", async () => {
    const source = program(
      [
        "\tprogress := make(chan int)",
        "\tgo func() {",
        "\t\tfor range progress {",
        "\t\t}",
        "\t}()",
        "\ttime.Sleep(62 * time.Minute)",
        "\tbuf := make([]byte, 4096)",
        "\tfmt.Print(string(buf[:runtime.Stack(buf, true)]))",
      ].join("\n"),
      'import (\n\t"fmt"\n\t"runtime"\n\t"time"\n)\n',
    );
    const { stdout } = await runGoSource(source, "main.go");
    expect(stdout).toBe(
      [
        "goroutine 1 [running]:",
        "main.main(...)",
        "\tmain.go:17",
        "",
        "goroutine 2 [chan receive, 62 minutes]:",
        "main.main.func1(...)",
        "\tmain.go:12",
        "created by main.main in goroutine 1",
        "\tmain.go:11",
        "",
      ].join("\n"),
    );
  });

  it("runs from the command line and exits with the program's status", () => {
    const { status, stdout, stderr } = spawnSync("npx", ["tsx", "cli/go.ts", "parity/osexit/main.go"], {
      encoding: "utf8",
    });
    expect({ status, stdout, stderr }).toEqual({ status: 3, stdout: "exiting\n", stderr: "" });
    const usage = spawnSync("npx", ["tsx", "cli/go.ts"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run go -- FILE.go");
  }, 30_000);
});
