// Package browsertest is the harness that the page's browser tests and the
// browser benchmark share: it starts the real server binary ([StartServer]),
// launches headless Chromium ([StartBrowser]) and drives a tab through the
// DevTools protocol ([Tab], [Eval]) while it collects the page's problems:
// console errors, uncaught exceptions and Content-Security-Policy violations.
//
// It is a helper for tests: its functions fail the test they are given, and
// it is imported only from _test.go files.
package browsertest
