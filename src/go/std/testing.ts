/**
 * Package testing, as much of it as a leak test needs, written in Go: a T whose Error, Errorf, Fatal, Fatalf,
 * Log and Logf record what the test says, Helper, Cleanup, Failed and Name. The host runs each Test function
 * with a fresh T (src/go/goTests.ts), as `go test` does: FailNow ends the test's goroutine, its
 * deferred calls (a deferred goleak.VerifyNone) still run, and its cleanups run after it, last first.
 */
export const testing = `package testing

import "fmt"

// T is the state of one test.
type T struct {
	name     string
	failed   bool
	output   []string
	cleanups []func()
}

// failNow is what FailNow panics with: the host that runs the test knows it as the test's end, not a panic.
type failNow struct{}

// Name returns the name of the running test.
func (t *T) Name() string { return t.name }

// Helper marks the calling function as a test helper.
func (t *T) Helper() {}

// Fail marks the test as failed but continues execution.
func (t *T) Fail() { t.failed = true }

// Failed reports whether the test has failed.
func (t *T) Failed() bool { return t.failed }

// FailNow marks the test as failed and stops its execution; deferred calls still run.
func (t *T) FailNow() {
	t.Fail()
	panic(failNow{})
}

// Log records its arguments, formatted as fmt.Println formats them.
func (t *T) Log(args ...any) { t.log(fmt.Sprintln(args...)) }

// Logf records its arguments, formatted as fmt.Printf formats them.
func (t *T) Logf(format string, args ...any) { t.log(fmt.Sprintf(format, args...)) }

// Error is Log followed by Fail.
func (t *T) Error(args ...any) {
	t.Log(args...)
	t.Fail()
}

// Errorf is Logf followed by Fail.
func (t *T) Errorf(format string, args ...any) {
	t.Logf(format, args...)
	t.Fail()
}

// Fatal is Log followed by FailNow.
func (t *T) Fatal(args ...any) {
	t.Log(args...)
	t.FailNow()
}

// Fatalf is Logf followed by FailNow.
func (t *T) Fatalf(format string, args ...any) {
	t.Logf(format, args...)
	t.FailNow()
}

// Cleanup registers f to be called when the test and its subtests complete, last registered first.
func (t *T) Cleanup(f func()) { t.cleanups = append(t.cleanups, f) }

func (t *T) log(s string) {
	if n := len(s); n > 0 && s[n-1] == '\\n' {
		s = s[:n-1]
	}
	t.output = append(t.output, s)
}
`;
