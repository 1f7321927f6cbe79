package chart
import ("testing";"os";"github.com/unga-go/unga/cluster";"github.com/unga-go/unga/votes")
func TestDevRender(t *testing.T) {
	if os.Getenv("DEV") == "" { t.Skip() }
	fx := load(t)
	m, _ := cluster.MDS(fx.dist, 2)
	var always []votes.Country
	for _, c := range fx.states {
		switch c.ISO3 {
		case "RUS", "SRB", "ALB", "BIH", "BGR", "HRV", "GRC", "MNE", "MKD", "ROU", "SVN":
			always = append(always, c)
		}
	}
	names := []string{"Latin America", "Africa and Asia", "China, Russia", "Europe", "United States"}
	c, _ := Map(m, fx.states, &MapOptions{Title: "Session 74 map", Blocs: Blocs{Labels: fx.labels, Names: names}, Always: always})
	c.Save("/tmp/dev-map.png"); c.Save("/tmp/dev-map.svg")
	d, _ := Dendrogram(fx.tree, fx.states, &DendrogramOptions{Title: "Session 74 tree", Blocs: Blocs{Labels: fx.labels, Names: names}, Cut: 1.2})
	d.Save("/tmp/dev-dendro.png")
	h, _ := Heatmap(fx.agreement(), fx.states, &HeatmapOptions{Title: "Session 74 heat", Order: fx.tree.Leaves(), Blocs: Blocs{Labels: fx.labels, Names: names}})
	h.Save("/tmp/dev-heat.png")
}
