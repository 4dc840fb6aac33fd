package browsertest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// StartServer runs the server binary bin with args on a free loopback port
// and reads the page's URL (returned ending in "/") from the first line it
// prints, waiting at most wait for it; the rest of its output goes to logw
// (nil discards it). stop interrupts the server and waits for it to exit,
// killing it after 5 seconds.
func StartServer(bin string, logw io.Writer, wait time.Duration, args ...string) (baseURL string, stop func(), err error) {
	if logw == nil {
		logw = io.Discard
	}
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = logw
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	r := bufio.NewReader(out)
	line := make(chan string, 1)
	go func() {
		l, _ := r.ReadString('\n')
		line <- strings.TrimSpace(l)
		io.Copy(logw, r)
	}()
	select {
	case l := <-line:
		if !strings.HasPrefix(l, "http://") {
			cmd.Process.Kill()
			cmd.Wait()
			return "", nil, fmt.Errorf("the server's first line is %q, want its URL", l)
		}
		baseURL = strings.TrimSuffix(l, "/") + "/"
	case <-time.After(wait):
		cmd.Process.Kill()
		cmd.Wait()
		return "", nil, fmt.Errorf("the server printed no URL within %gs", wait.Seconds())
	}
	return baseURL, func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}, nil
}
