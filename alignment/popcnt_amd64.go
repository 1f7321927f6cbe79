//go:build amd64 && !purego

package alignment

// hasPOPCNT reports whether the CPU has POPCNT (CPUID leaf 1, ECX bit 23).
// The default build (GOAMD64=v1) cannot assume it, so math/bits tests for
// it at every OnesCount64; the assembly kernel tests once, here.
var hasPOPCNT = cpuid1ECX()&(1<<23) != 0

// cpuid1ECX returns ECX of CPUID leaf 1.
func cpuid1ECX() uint32

// agreeRowsPOPCNT is agreeRows for nw >= 1 words and rows >= 1, with
// stride in words.
//
//go:noescape
func agreeRowsPOPCNT(x, y *word3, nw, stride, rows, minN int, scale float64, scores *float64, counts *int32)

func agreeRowsArch(x, y []word3, stride, minN int, scale float64, scores []float64, counts []int32) {
	if !hasPOPCNT {
		agreeRowsGo(x, y, stride, minN, scale, scores, counts)
		return
	}
	agreeRowsPOPCNT(&x[0], &y[0], len(x), stride, len(counts), minN, scale, &scores[0], &counts[0])
}
