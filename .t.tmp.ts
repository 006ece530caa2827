import { looksLikeFormula } from './server/domain/source-files/formula-cells';
for (const c of ['=cmd|\' /C calc\'!A0', '=1+1', '=', '-99', '-2+3+cmd|\' /C calc\'!A0', '+33 6 12 34 56 78', '@SUM(A1:A3)', '+HYPERLINK("x")', '- she said (twice)', '-A1', '-', '+1-555-0100', '@john', ' =A1', '-9--17', '-1.5', '+A1*2'])
  console.log(JSON.stringify(c), looksLikeFormula(c));
