package indicators

import (
	"fmt"
	"testing"
)

func TestExplore(t *testing.T) {
	base := "[index]\nname = \"n\"\nregions = \"r.csv\"\n\n[[dimension]]\nid = \"a\"\n\n"
	docs := map[string]string{
		"unclosed": base + "[[indicator]]\nid = \"x\ndimension = \"a\"\n",
		"missingeq": base + "[[indicator]]\nid \"x\"\ndimension = \"a\"\n",
		"badarray": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\ngoalposts = [1, 2\n",
		"badarray2": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\ngoalposts = [1 2]\n",
		"wrongtype1": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\nweight = \"high\"\n\n[[indicator]]\nid = \"y\"\ndimension = \"a\"\nweight = 2\n",
		"wrongtype2": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\nweight = 2\n\n[[indicator]]\nid = \"y\"\ndimension = \"a\"\n  weight = \"high\"\n",
		"wrongtypeidx": "[index]\nname = 3\nregions = \"r.csv\"\n",
		"unknown2nd": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\n\n[[indicator]]\nid = \"y\"\ndimension = \"a\"\nwieght = 2\n",
		"unknownboth": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\nwieght = 2\n\n[[indicator]]\nid = \"y\"\ndimension = \"a\"\nwieght = 2\n",
		"unknowntable": base + "[foo]\nbar = 1\nbaz = 2\n[[indicator]]\nid = \"x\"\ndimension = \"a\"\n",
		"unknownsub": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\n[indicator.extra]\nq = 1\n",
		"dotted": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\nweight2.x = 1\n",
		"eof": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\nq = ",
		"eof2": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\nq = \n",
		"nul": "a\x00b = 1\n",
		"cycle3": base + "[[dimension]]\nid = \"c\"\nparent = \"d\"\n[[dimension]]\nid = \"d\"\nparent = \"e\"\n[[dimension]]\nid = \"e\"\nparent = \"d\"\n[[indicator]]\nid = \"x\"\ndimension = \"a\"\n",
		"nan": base + "[scoring]\nmin_coverage = nan\n[[indicator]]\nid = \"x\"\ndimension = \"a\"\n",
		"emptythr": base + "[stars]\nthresholds = []\n[[indicator]]\nid = \"x\"\ndimension = \"a\"\n",
		"rangeint": base + "[scoring]\nrange = [0, 100, 3]\n[[indicator]]\nid = \"x\"\ndimension = \"a\"\n",
		"dup": base + "[[index]]\n",
		"inttoobig": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\ndirection = 99999999999999999999\n",
		"dirfloat": base + "[[indicator]]\nid = \"x\"\ndimension = \"a\"\ndirection = 1.5\n",
		"roundbig": base + "[scoring]\nround = 9999999999999\n[[indicator]]\nid = \"x\"\ndimension = \"a\"\n",
	}
	for name, doc := range docs {
		_, err := Parse("index.toml", []byte(doc), nil)
		fmt.Printf("== %s\n%v\n", name, err)
	}
}
