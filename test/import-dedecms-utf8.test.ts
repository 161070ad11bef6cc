// The DedeCMS fixture as a UTF-8 dump (SET NAMES utf8): see import-dedecms.ts.
import { describeDedecmsImport } from "./import-dedecms.ts";

describeDedecmsImport("dedecms-utf8.sql", "utf8");
