import { usePathname } from "../state/locationStore.ts";
import { parseRoute, routePath } from "../state/route.ts";
import { FacilitatorSwitch, PresenterBar } from "./Facilitator.tsx";
import { HomePage } from "./HomePage.tsx";
import { LessonPage } from "./LessonPage.tsx";
import { Link } from "./Link.tsx";
import { MemoryModelPage } from "./MemoryModelPage.tsx";
import { NotFound } from "./NotFound.tsx";
import { Notices } from "./Notices.tsx";
import { ProgressFileControls } from "./ProgressFileControls.tsx";

export function App() {
  const route = parseRoute(usePathname());
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <Link to="/" className="brand">
          Leak Lab
        </Link>
        <span className="tagline">The CloudVault incident, hands-on</span>
      </header>
      <PresenterBar />
      <Notices />
      <main id="main">
        {route === undefined ? (
          <NotFound />
        ) : route.page === "home" ? (
          <HomePage />
        ) : route.page === "memory-model" ? (
          <MemoryModelPage />
        ) : (
          <LessonPage key={route.slug} slug={route.slug} />
        )}
      </main>
      <footer className="site-footer">
        <p>
          Your code and progress are saved in this browser only.{" "}
          <Link to={routePath({ page: "memory-model" })}>How the memory figure is modelled</Link>
        </p>
        <FacilitatorSwitch />
        <ProgressFileControls />
      </footer>
    </>
  );
}
