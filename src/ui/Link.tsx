import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { hrefFor, navigate } from "../state/locationStore.ts";

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
  /** An app path (`/lessons/upload`); the href gets the build's base, if it is served from a sub-path. */
  readonly to: string;
}

/** An in-app link: a real anchor (middle-click and copy work) that navigates without a reload. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={hrefFor(to)} onClick={handleClick} {...rest} />;
}
