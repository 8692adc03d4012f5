import { Link } from "./Link.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";

export function NotFound({ what = "page" }: { readonly what?: string }) {
  useDocumentTitle("Not found");
  return (
    <section className="not-found">
      <h1>No such {what}</h1>
      <p>
        The address does not match anything in the workshop. <Link to="/">Back to the lessons</Link>
      </p>
    </section>
  );
}
