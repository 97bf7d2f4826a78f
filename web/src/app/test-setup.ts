// Component tests: unmount whatever a test rendered, so the next one starts from an empty page.
import { afterEach } from "vitest";
import { cleanup } from "@solidjs/testing-library";

afterEach(() => cleanup());
