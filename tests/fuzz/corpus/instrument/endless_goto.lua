::a:: goto a
