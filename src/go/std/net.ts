/** Package net, as much of it as Leak Lab's Go has, written in Go: SplitHostPort and its AddrError. */
export const net = `package net

import "strings"

// AddrError describes a malformed network address.
type AddrError struct {
	Err  string
	Addr string
}

func (e *AddrError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Err
	if e.Addr != "" {
		s = "address " + e.Addr + ": " + s
	}
	return s
}

// SplitHostPort splits an address of the form "host:port" or "[host]:port" into host and port.
func SplitHostPort(hostport string) (host, port string, err error) {
	const missingPort = "missing port in address"
	const tooManyColons = "too many colons in address"
	fail := func(why string) (string, string, error) {
		return "", "", &AddrError{Err: why, Addr: hostport}
	}
	j, k := 0, 0
	i := strings.LastIndex(hostport, ":")
	if i < 0 {
		return fail(missingPort)
	}
	if hostport[0] == '[' {
		end := strings.Index(hostport, "]")
		if end < 0 {
			return fail("missing ']' in address")
		}
		switch end + 1 {
		case len(hostport):
			return fail(missingPort)
		case i:
		default:
			if hostport[end+1] == ':' {
				return fail(tooManyColons)
			}
			return fail(missingPort)
		}
		host = hostport[1:end]
		j, k = 1, end+1
	} else {
		host = hostport[:i]
		if strings.Contains(host, ":") {
			return fail(tooManyColons)
		}
	}
	if strings.Contains(hostport[j:], "[") {
		return fail("unexpected '[' in address")
	}
	if strings.Contains(hostport[k:], "]") {
		return fail("unexpected ']' in address")
	}
	return host, hostport[i+1:], nil
}
`;
