// The same DedeCMS fixture as a GBK dump (SET NAMES gbk, tables DEFAULT CHARSET=gbk), with a character
// whose second byte is a backslash (誠, D5 5C): see import-dedecms.ts.
import { describeDedecmsImport } from "./import-dedecms.ts";

describeDedecmsImport("dedecms-gbk.sql", "gbk");
