package cluster

// The tidy rows behind WriteCSV, for the tests of package cluster_test.

func (t *CrossTab) Rows() []crossTabRow         { return t.rows() }
func (p *Partition) Rows() []partitionRow       { return p.rows() }
func (rep *BlocStability) Rows() []stabilityRow { return rep.rows() }
