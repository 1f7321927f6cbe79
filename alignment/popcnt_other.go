//go:build !amd64 || purego

package alignment

func agreeRowsArch(x, y []word3, stride, minN int, scale float64, scores []float64, counts []int32) {
	agreeRowsGo(x, y, stride, minN, scale, scores, counts)
}
