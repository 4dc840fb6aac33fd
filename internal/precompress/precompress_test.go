package precompress

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestRoundTrip(t *testing.T) {
	data := []byte(strings.Repeat(`{"status": "Running", "id": "0b5e4e4a"}`, 200))
	br, err := io.ReadAll(brotli.NewReader(bytes.NewReader(Brotli(data, 11))))
	if err != nil || !bytes.Equal(br, data) {
		t.Errorf("brotli round trip: %v, equal=%v", err, bytes.Equal(br, data))
	}
	zr, err := gzip.NewReader(bytes.NewReader(Gzip(data)))
	if err != nil {
		t.Fatal(err)
	}
	gz, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(gz, data) {
		t.Errorf("gzip round trip: %v, equal=%v", err, bytes.Equal(gz, data))
	}
	if !bytes.Equal(Gzip(data), Gzip(data)) {
		t.Error("gzip output is not reproducible")
	}
	if len(Brotli(data, 11)) >= len(data)/10 {
		t.Error("brotli did not compress a repetitive text")
	}
}
