// The bordered card list shared by the flagged variances and the key risks.
import { makeStyles } from "@griffel/react";
import { card, cardList } from "./lazyStyles";

export const useCardListStyles = makeStyles({ list: cardList, item: card });
