package indicators

// SetFiles lets tests give a hand-built Definition the files it reads.
func (d *Definition) SetFiles(f Files) { d.files = f }
