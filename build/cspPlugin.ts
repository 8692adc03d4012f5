/**
 * The Content-Security-Policy of the production build, in one place: the policies as data, a `<meta
 * http-equiv>` in the built index.html (for hosts that send no headers), and the same policies as response
 * headers from `vite preview` (what a real host should send; the README shows it for common hosts).
 *
 * Two policies, because the app needs exactly one dangerous thing in exactly one place: the run worker
 * (src/sandbox/worker/worker.ts) evaluates the learner's code with indirect eval, so its script response says
 * `'unsafe-eval'`. A worker created from a URL is governed by the policy of its own script response, not the
 * page's, so the page itself keeps a policy without it. To let a host tell that one file apart, the build names
 * it `assets/sandbox-<hash>.js`.
 *
 * What else the app needs and why: Monaco and uPlot set inline styles (`style-src 'unsafe-inline'`), and
 * Monaco's stylesheet draws a few icons as `data:` images. Nothing is loaded from another host.
 */
import type { Connect, Plugin } from "vite";

type Directives = Readonly<Record<string, readonly string[]>>;

const DOCUMENT: Directives = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
  "manifest-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

/** Directives a `<meta>` cannot carry (browsers ignore them there and say so on the console). */
const HEADER_ONLY: Directives = { "frame-ancestors": ["'none'"] };

const SANDBOX: Directives = { ...DOCUMENT, "script-src": ["'self'", "'unsafe-eval'"] };

function format(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** For every response but the run worker's script, as a header. */
export const DOCUMENT_POLICY = format({ ...DOCUMENT, ...HEADER_ONLY });
/** The same, as the built index.html's `<meta http-equiv>`. */
export const META_POLICY = format(DOCUMENT);
/** For the run worker's script only: learner code is evaluated there. */
export const SANDBOX_POLICY = format({ ...SANDBOX, ...HEADER_ONLY });

/** Other headers a host should send with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

const SANDBOX_ENTRY = /\/src\/sandbox\/worker\/worker\.ts$/;
/** The run worker's file in dist/, relative to the base. */
export const SANDBOX_FILE = /^assets\/sandbox-[\w-]+\.js$/;

/** The policy for a request path under `base`. */
export function policyFor(urlPath: string, base: string): string {
  const relative = urlPath.startsWith(base) ? urlPath.slice(base.length) : urlPath;
  return SANDBOX_FILE.test(relative) ? SANDBOX_POLICY : DOCUMENT_POLICY;
}

export function cspPlugin(): Plugin {
  let base = "/";
  return {
    name: "leak-lab:csp",
    config() {
      return {
        worker: {
          rolldownOptions: {
            output: {
              entryFileNames: (chunk: { facadeModuleId: string | null }) =>
                chunk.facadeModuleId && SANDBOX_ENTRY.test(chunk.facadeModuleId.replaceAll("\\", "/"))
                  ? "assets/sandbox-[hash].js"
                  : "assets/[name]-[hash].js",
            },
          },
        },
      };
    },
    configResolved(config) {
      base = config.base;
    },
    // Only in the build: the dev server's inline scripts (React refresh, Vite's client) need what this forbids.
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        if (context.server) return undefined;
        return [
          {
            tag: "meta",
            attrs: { "http-equiv": "Content-Security-Policy", content: META_POLICY },
            injectTo: "head-prepend",
          },
        ];
      },
    },
    configurePreviewServer(server) {
      const setHeaders: Connect.NextHandleFunction = (request, response, next) => {
        const path = new URL(request.url ?? "/", "http://localhost").pathname;
        response.setHeader("Content-Security-Policy", policyFor(path, base));
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
        next();
      };
      server.middlewares.use(setHeaders);
    },
  };
}
