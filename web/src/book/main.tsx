import { render } from "solid-js/web";
import { BookingApp } from "./booking-app";
import "./book.css";

const root = document.getElementById("root");
if (root) render(() => <BookingApp />, root);
