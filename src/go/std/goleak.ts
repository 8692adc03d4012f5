/**
 * go.uber.org/goleak, as much of it as a leak test needs, written in Go: VerifyNone, which retries as goleak
 * does (twenty times, backing off to 100 ms) while goroutines that are ending end, then reports each goroutine
 * still running but the test's own in goleak's words; and IgnoreCurrent. Which goroutines are running comes from
 * the runtime (internal/goroutines: internal, as in Go, so a program cannot import it).
 */
export const goleak = `package goleak

import (
	"internal/goroutines"
	"time"
)

// TestingT is the part of *testing.T that VerifyNone uses.
type TestingT interface {
	Error(args ...any)
}

// Option lets VerifyNone leave some goroutines out.
type Option struct {
	ignore []int
}

// IgnoreCurrent leaves out the goroutines running when it is called.
func IgnoreCurrent() Option {
	return Option{ignore: goroutines.Running()}
}

const (
	maxRetries = 20
	maxSleep   = 100 * time.Millisecond
)

// VerifyNone marks t as failed if any goroutine other than the test's own is still running once those that
// are ending have had time to: goleak's report names each one and where it was started.
func VerifyNone(t TestingT, options ...Option) {
	var ignore []int
	for _, o := range options {
		ignore = append(ignore, o.ignore...)
	}
	report := goroutines.Unexpected(ignore)
	delay := time.Microsecond
	for i := 0; report != "" && i < maxRetries; i++ {
		time.Sleep(delay)
		if delay < maxSleep {
			delay *= 2
		}
		report = goroutines.Unexpected(ignore)
	}
	if report != "" {
		t.Error(report)
	}
}
`;
