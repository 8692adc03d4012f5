package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QuotaError struct {
	User  string
	Limit int
}

func (e *QuotaError) Error() string {
	return fmt.Sprintf("user %s over quota of %d", e.User, e.Limit)
}

func find(key string) error {
	if key == "missing" {
		return fmt.Errorf("find %q: %w", key, ErrNotFound)
	}
	if key == "big" {
		return &QuotaError{User: "ana", Limit: 3}
	}
	return nil
}

func main() {
	for _, key := range []string{"ok", "missing", "big"} {
		err := find(key)
		fmt.Println(key, err, err == nil, errors.Is(err, ErrNotFound))
		if qe, ok := err.(*QuotaError); ok {
			fmt.Println("limit", qe.Limit)
		}
	}
	fmt.Printf("%v|%s|%q\n", ErrNotFound, ErrNotFound, ErrNotFound)
	err := find("big")
	panic(err)
}
