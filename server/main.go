package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"opcheck/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case err != nil:
		fmt.Fprintln(os.Stderr, "opcheck-server:", err)
		os.Exit(1)
	}
}

// run parses args, loads the assets, prints the URL as the first line of
// stdout and serves until ctx is done. Log lines go to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("opcheck-server", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8080", "`host:port` to listen on; port 0 picks a free one")
	dir := flags.String("dir", "", "serve this `folder` from disk (read once at startup) instead of the embedded assets")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; the flags are -addr and -dir", flags.Args())
	}

	var fsys fs.FS = web.Dist()
	source := "embedded assets"
	if *dir != "" {
		st, err := os.Stat(*dir)
		if err != nil {
			return fmt.Errorf("-dir: %w", err)
		}
		if !st.IsDir() {
			return fmt.Errorf("-dir: %s is not a folder", *dir)
		}
		fsys, source = os.DirFS(*dir), *dir
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	s, err := newServer(fsys, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	url := displayURL(ln.Addr())
	if _, err := fmt.Fprintln(stdout, url); err != nil {
		ln.Close()
		return fmt.Errorf("print URL: %w", err)
	}
	logger.Info("serving", slog.String("url", url), slog.String("from", source), slog.Int("assets", len(s.assets)))
	return s.serve(ctx, ln)
}

// displayURL is the URL to open for a listener's address. An unspecified
// host (":8080", "0.0.0.0", "[::]") is shown as localhost, which reaches
// it from this machine.
func displayURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port)) + "/"
}
