import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { registerServiceWorker } from "./offline/registerServiceWorker.ts";
import { openSharesPastedIntoThisTab } from "./state/share/sharedOnOpen.ts";
import { App } from "./ui/App.tsx";
import "./ui/app.css";

openSharesPastedIntoThisTab();
registerServiceWorker();
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
