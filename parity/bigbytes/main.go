// Megabyte []byte buffers, as a service's are: read into, appended, copied over themselves, written at the far
// end, sliced, compared as strings, printed in part.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	buf := make([]byte, 1<<20)
	var data []byte
	for i := 0; i < 5; i++ {
		n := copy(buf, strings.Repeat(string(rune('a'+i)), 3))
		buf[len(buf)-1] = byte('0' + i)
		data = append(data, buf[:n+100000]...)
		data = append(data, buf[len(buf)-1])
	}
	fmt.Println(len(data), cap(data), string(data[:3]), data[3], data[100000], string(data[100001:100004]))
	fmt.Printf("%q\n", data[len(data)-100004:len(data)-99998])

	copy(data[1:], data) // shifts every byte right by one, over itself
	fmt.Println(string(data[:4]), data[100001], string(data[100002:100005]))
	copy(data, data[70000:]) // and left, across pages
	fmt.Println(data[0], data[30001], string(data[30002:30005]), len(data))

	big := bytes.Join([][]byte{data[:3], buf[1<<20-1:], []byte("end")}, []byte("|"))
	fmt.Println(string(big))
	half := buf[1<<19:]
	half[0] = 'x'
	fmt.Println(buf[1<<19], string(buf[:3]), cap(half), len(string(buf)) == 1<<20)
}
