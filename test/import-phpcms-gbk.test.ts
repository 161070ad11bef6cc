// The same PHPCMS fixture in GBK (SET NAMES gbk), with 誠 (D5 5C) in a body: see import-phpcms.ts.
import { describePhpcmsImport } from "./import-phpcms.ts";

describePhpcmsImport("phpcms-gbk.sql", "gbk");
