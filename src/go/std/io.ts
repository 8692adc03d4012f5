/** Package io, as much of it as Leak Lab's Go has, written in Go: Reader, Writer, EOF and Discard. */
export const io = `package io

import "errors"

// Reader is the interface that wraps the basic Read method.
type Reader interface {
	Read(p []byte) (n int, err error)
}

// Writer is the interface that wraps the basic Write method.
type Writer interface {
	Write(p []byte) (n int, err error)
}

// EOF is the error Read returns when no more input is available.
var EOF = errors.New("EOF")

// ErrUnexpectedEOF means that EOF was encountered in the middle of reading.
var ErrUnexpectedEOF = errors.New("unexpected EOF")

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// Discard is a Writer on which all Write calls succeed without doing anything.
var Discard Writer = discard{}
`;
