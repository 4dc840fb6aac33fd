// The page script starts the worker and loads the settings.
const worker = new Worker(new URL("worker.js", import.meta.url));
const settings = await fetch("./app.json").then((r) => r.json());
export { worker, settings };
