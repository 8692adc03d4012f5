// Package profile prints the goroutine profile of the running program the way a dump is read during an
// incident: how many goroutines wait in the same state, at the same line of the program's own code, made by
// the same go statement. Goroutine ids, arguments, folders and program counters, which differ between runs and
// between Go and Leak Lab, are left out.
package profile

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Print prints each kind of goroutine but the caller, with its count, in sorted order.
func Print() {
	counts := make(map[string]int)
	for _, g := range others() {
		counts[summary(g)]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(counts[k], k)
	}
}

// Settle waits, up to a minute, until no goroutine but the caller is runnable or in one of states: until
// every reporter has slept its last sleep, say. It reports whether they all left them.
func Settle(states ...string) bool {
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		busy := false
		for _, g := range others() {
			for _, state := range append(states, "runnable", "running") {
				busy = busy || strings.HasPrefix(summary(g), "["+state+"]")
			}
		}
		if !busy {
			return true
		}
	}
	return false
}

// others is the dump of every goroutine but the caller's, one string each.
func others() []string {
	buf := make([]byte, 1<<20)
	dump := string(buf[:runtime.Stack(buf, true)])
	return strings.Split(dump, "\n\n")[1:] // the first is the caller's own
}

// summary is a goroutine's state without how long it has waited, its innermost frame in the program's own
// code, and where it was created.
func summary(g string) string {
	lines := strings.Split(strings.TrimSpace(g), "\n")
	state := lines[0][strings.Index(lines[0], "[")+1 : strings.Index(lines[0], "]")]
	state, _, _ = strings.Cut(state, ",")
	frame, created := "", ""
	for i := 1; i+1 < len(lines); i += 2 {
		fn, where := function(lines[i]), place(lines[i+1])
		if name, ok := strings.CutPrefix(fn, "created by "); ok {
			created = name + " " + where
		} else if frame == "" && (strings.HasPrefix(fn, "main.") || strings.HasPrefix(fn, "leaklab/")) {
			frame = fn + " " + where
		}
	}
	return fmt.Sprintf("[%s] %s, created by %s", state, frame, created)
}

// function is a frame's function without its arguments, or a creation line without its goroutine.
func function(line string) string {
	if i := strings.Index(line, " in goroutine "); i >= 0 {
		line = line[:i]
	}
	if i := strings.LastIndex(line, "("); i > 0 && strings.HasSuffix(line, ")") {
		line = line[:i]
	}
	return line
}

// place is a frame's file name and line, without folders or program counter.
func place(line string) string {
	line = strings.TrimSpace(line)
	if i := strings.Index(line, " +0x"); i >= 0 {
		line = line[:i]
	}
	return line[strings.LastIndex(line, "/")+1:]
}
