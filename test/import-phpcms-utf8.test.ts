// The PHPCMS fixture as a UTF-8 phpMyAdmin export: see import-phpcms.ts.
import { describePhpcmsImport } from "./import-phpcms.ts";

describePhpcmsImport("phpcms-utf8.sql", "utf8");
