package main

import "fmt"

type Named interface{ Name() string }

type Dog struct{}

func (Dog) Name() string { return "dog" }

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprint("int ", x+1)
	case string, bool:
		return fmt.Sprintf("string or bool %v", x)
	case Named:
		return "named " + x.Name()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 41, "s", true, Dog{}, 2.5} {
		fmt.Println(kind(v))
	}
	var v any = "text"
	s, ok := v.(string)
	n, ok2 := v.(int)
	fmt.Println(s, ok, n, ok2)
	_, isNamed := v.(Named)
	fmt.Println(isNamed)
	fmt.Println(v.(int))
}
