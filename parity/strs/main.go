package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	s := "héllo, wörld"
	fmt.Println(len(s), s[1], s[0:1], s[7:])
	for i, r := range "aé😀" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	b := []byte("go")
	b = append(b, '!')
	fmt.Println(b, string(b))
	fmt.Println(strings.Contains(s, "wör"), strings.Index(s, "w"), strings.HasPrefix(s, "hé"), strings.ToUpper("abc"))
	parts := strings.Split("a,b,,c", ",")
	fmt.Println(len(parts), parts, strings.Join(parts, "|"))
	fmt.Println(strings.Fields("  one two\tthree\n"), strings.TrimSpace("  x  "), strings.Repeat("ab", 3))
	fmt.Println(strings.ReplaceAll("a-b-c", "-", "+"), strings.TrimPrefix("prefix-x", "prefix-"))
	n, err := strconv.Atoi("42")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("4x2")
	fmt.Println(err)
	fmt.Println(strconv.Itoa(-7)+"!", strconv.FormatInt(255, 16), strconv.Quote("hi\n"))
}
