// Sized integers wrap as Go's two's-complement arithmetic does: each type's overflow, division, shifts
// past the width, conversions, %T, byte and rune arithmetic, and a negative shift count's panic.
package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b uint8 = 0
	b--
	fmt.Println(b)
	x := 200
	fmt.Println(int8(x), uint8(x+100), uint16(-1+x-x), int16(40000+x-x))
	var m int8 = -128
	var n int8 = -1
	fmt.Println(m/n, m%n, -m)
	var u uint32 = 0xFFFFFFFF
	fmt.Println(u*u, u+1, u<<1, u>>31, ^u)
	var i32 int32 = 1 << 30
	fmt.Println(i32*4, i32<<1, i32<<2, i32>>40)
	r := 'a'
	fmt.Printf("%T %v %c\n", r, r, r)
	var by byte = 'z'
	fmt.Printf("%T %v %x %d\n", by, by+10, by*3, by-'a')
	fmt.Printf("%T %T %T %T %T %T %T\n", int8(1), int16(1), int32(1), uint(1), uint16(1), uint32(1), uint64(1))
	var s int = -7
	fmt.Println(s>>1, s/2, s%2, uint8(s), ^s, ^int8(s))
	var k uint = 3
	fmt.Println(1<<k, s<<k, k-1)
	var big int64 = 1 << 40
	fmt.Println(big*1000, big/3, big&0xFFFFF0000000, big|1, big^(1<<41))
	f := 3.99
	fmt.Println(int(f), int8(-f), uint8(f*100))
	var sh uint8 = 1
	fmt.Println(sh<<7, sh<<8, int8(sh)<<7)
	h := uint32(2166136261)
	for _, c := range []byte("hello") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h)
	var w uint16 = 65535
	w += 2
	fmt.Println(w)
	cnt := map[uint8]int{}
	for i := 0; i < 300; i++ {
		cnt[uint8(i)]++
	}
	fmt.Println(len(cnt), cnt[5])
	fmt.Printf("%08b %o %X %5d|%-5d|\n", 5, 64, uint8(255), int8(-3), uint16(7))
	const c8 int8 = 100
	fmt.Println(c8/3, c8%7)
	var shn int = -1
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(1 << shn)
}
