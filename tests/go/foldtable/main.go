// Command foldtable prints, as JSON, every non-ASCII rune that encoding/json's key folding
// maps to an ASCII rune (the smallest rune of its unicode.SimpleFold orbit), so the Python
// runtime's table can be checked against the Go on this machine.
package main

import (
	"encoding/json"
	"os"
	"unicode"
)

func foldRune(r rune) rune {
	for {
		r2 := unicode.SimpleFold(r)
		if r2 <= r {
			return r2
		}
		r = r2
	}
}

func main() {
	table := map[string]string{}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if f := foldRune(r); f < 0x80 {
			table[string(r)] = string(f)
		}
	}
	_ = json.NewEncoder(os.Stdout).Encode(table)
}
