package browsertest

import (
	"context"
	"os"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package installs the browser.
const ChromiumPath = "/usr/bin/chromium"

// StartBrowser launches headless Chromium with a fresh, empty profile and
// starts its first tab; extra options come after the shared ones (headless,
// no sandbox, no GPU, no background networking, component updates or sync,
// no first-run page, a 1280×820 window). The returned context is that tab's;
// stop ends the browser and removes the profile.
func StartBrowser(parent context.Context, extra ...chromedp.ExecAllocatorOption) (ctx context.Context, stop func(), err error) {
	profile, err := os.MkdirTemp("", "opcheck-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 820),
	}, extra...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	stop = func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, err
	}
	return ctx, stop, nil
}
